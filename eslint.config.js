// Flat ESLint config: LWC rules for components (JS and TS), typescript-eslint for the tooling.
'use strict';
const lwcConfig = require('@salesforce/eslint-config-lwc');
const tseslint = require('typescript-eslint');
const jestPlugin = require('eslint-plugin-jest');
const globals = require('globals');

const lwcFiles = ['force-app/**/lwc/**/*.{js,ts}'];

module.exports = [
    {
        ignores: [
            'node_modules/**',
            'coverage/**',
            '.sf/**',
            '.sfdx/**',
            '.warden/**',
            // Type-stripped output of the .ts beside it: the .ts is what we lint.
            'force-app/**/lwc/**/*.js',
            '**/__fixtures__/**'
        ]
    },
    ...lwcConfig.configs.recommendedTs.map((config) => ({ ...config, files: lwcFiles })),
    {
        files: ['force-app/**/lwc/**/__tests__/**/*.{js,ts}'],
        plugins: { jest: jestPlugin },
        languageOptions: { globals: { ...globals.node, ...globals.jest } },
        rules: { ...jestPlugin.configs['flat/recommended'].rules }
    },
    ...tseslint.configs.recommended.map((config) => ({ ...config, files: ['scripts/**/*.ts', 'config/**/*.ts'] })),
    {
        files: ['scripts/**/*.ts', 'config/**/*.ts'],
        languageOptions: { globals: { ...globals.node } },
        rules: {
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
        }
    },
    {
        files: ['scripts/**/__tests__/**/*.ts'],
        plugins: { jest: jestPlugin },
        languageOptions: { globals: { ...globals.jest } },
        rules: { ...jestPlugin.configs['flat/recommended'].rules }
    },
    {
        files: ['**/*.js'],
        ignores: lwcFiles,
        languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } }
    }
];
