// The plural forms French sentences share.
export const days = { one: '# jour', many: '# de jours', other: '# jours' };
