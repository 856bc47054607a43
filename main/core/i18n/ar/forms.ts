// The plural forms Arabic sentences share.
export const days = { zero: '# يوم', one: 'يوم واحد', two: 'يومان', few: '# أيام', many: '# يومًا', other: '# يوم' };
export const daysLeft = { zero: 'لم يتبقَّ أي يوم', one: 'يتبقى يوم واحد', two: 'يتبقى يومان', few: 'تتبقى # أيام', many: 'يتبقى # يومًا', other: 'يتبقى # يوم' };
