// @ts-check
import tseslint from 'typescript-eslint';
import astro from 'eslint-plugin-astro';

/** Lint: TypeScript's recommended rules and Astro's; `npm run lint` fails on any warning. */
export default tseslint.config(
  { ignores: ['dist/', 'dist.*/', '.astro/', 'node_modules/', 'test/.tmp/', '.tmp-scratch/', 'public/'] },
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
