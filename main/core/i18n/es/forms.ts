// The plural forms Spanish sentences share.
export const days = { one: '# día', many: '# de días', other: '# días' };
