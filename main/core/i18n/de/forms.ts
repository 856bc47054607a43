// The plural forms German sentences share.
export const days = { one: '# Tag', other: '# Tage' };
