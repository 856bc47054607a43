// The plural forms Brazilian Portuguese sentences share.
export const days = { one: '# dia', many: '# de dias', other: '# dias' };
