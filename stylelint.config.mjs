// Right to left: the window lays out by logical properties (margin-inline-start, not margin-left),
// so Arabic mirrors it with nothing else to change. `npm run lint` enforces it.
export default {
  plugins: ['stylelint-use-logical'],
  overrides: [{ files: ['**/*.svelte'], customSyntax: 'postcss-html' }],
  rules: {
    // Physical sides and corners are refused; width/height keep their names (the window does not
    // change writing mode, only direction).
    'csstools/use-logical': ['always', { except: ['width', 'height', 'min-width', 'min-height', 'max-width', 'max-height'] }],
  },
};
