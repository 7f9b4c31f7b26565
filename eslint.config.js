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
        // The LWC preset parses TypeScript with Babel, and its core rules misread it: type names look
        // undefined, interface members unused or like restricted globals. typescript-eslint's parser
        // keeps the LWC rules working (decorators included); tsc (strict) checks names.
        files: ['force-app/**/lwc/**/*.ts'],
        languageOptions: { parser: tseslint.parser },
        plugins: { '@typescript-eslint': tseslint.plugin },
        rules: {
            'no-undef': 'off',
            'no-unused-vars': 'off',
            'no-restricted-globals': 'off',
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
        }
    },
    {
        files: ['force-app/**/lwc/**/__tests__/**/*.{js,ts}'],
        plugins: { jest: jestPlugin },
        languageOptions: { globals: { ...globals.node, ...globals.jest } },
        // Tests flush the engine's microtasks and timers themselves.
        rules: { ...jestPlugin.configs['flat/recommended'].rules, '@lwc/lwc/no-async-operation': 'off' }
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
        // The house rule of scripts/: the shipped CLI (scripts/cli) never imports development code
        // (scripts/dev: checks, benchmarks, generators, the preview, the fake org). Tests may.
        files: ['scripts/cli/**/*.{ts,js}'],
        ignores: ['scripts/cli/**/__tests__/**'],
        rules: {
            'no-restricted-imports': [
                'error',
                {
                    patterns: [
                        {
                            regex: '^(\\.\\./)+dev(/|$)|/scripts/dev/',
                            message: 'scripts/cli ships to users and must not import development code from scripts/dev.'
                        }
                    ]
                }
            ]
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
    },
    {
        // Mocks of platform modules for the LWC Jest project: ES modules, as the modules they stand for.
        files: ['config/jest/mocks/**/*.js'],
        languageOptions: { sourceType: 'module', globals: { ...globals.jest } }
    }
];
