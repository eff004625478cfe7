// One flat config for the whole monorepo; packages run `eslint .` against it.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/generated/**', '**/.data/**', '**/.tools/**', '**/.turbo/**'] },
  // The benchmarks' scratch installs (n8n, an older checkout of this repository).
  { ignores: ['bench/.n8n/**', 'bench/.baseline/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
);
