// Two Jest projects: the LWC components (sfdx-lwc-jest preset, jsdom) and the Node tooling in scripts/.
'use strict';
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');
const { compilerOptions } = require('./tsconfig.json');

// Tooling code and its tests import LWC service modules that import each other as `c/<name>`, as the
// platform requires; tsconfig.json's paths (kept in step with the bundles by npm run build:lwc) say where
// each one lives, so the Node project resolves them the same way tsc and tsx do.
const lwcModules = Object.fromEntries(
    Object.entries(compilerOptions.paths)
        .filter(([name]) => name.startsWith('c/'))
        .map(([name, [path]]) => [`^${name}$`, `<rootDir>/${path}`])
);

module.exports = {
    projects: [
        {
            ...jestConfig,
            displayName: 'lwc',
            rootDir: __dirname,
            roots: ['<rootDir>/force-app'],
            // Our own mocks of lightning/* modules, where the sfdx-lwc-jest stubs do not suffice, one by one
            // from config/jest/mocks/lightning; every other lightning/* module is sfdx-lwc-jest's stub.
            moduleNameMapper: {
                '^lightning/empApi$': '<rootDir>/config/jest/mocks/lightning/empApi.js'
            },
            testMatch: ['**/lwc/**/__tests__/**/*.test.(js|ts)'],
            modulePathIgnorePatterns: ['<rootDir>/.localdevserver']
        },
        {
            displayName: 'scripts',
            rootDir: __dirname,
            roots: ['<rootDir>/scripts'],
            testEnvironment: 'node',
            testMatch: ['**/__tests__/**/*.test.ts'],
            // @faker-js/faker (the eval:phi corpus generator) ships ES modules only: esbuild turns them into CommonJS.
            transform: {
                '^.+\\.ts$': '<rootDir>/scripts/dev/jest/esbuild-transform.js',
                '/node_modules/@faker-js/faker/.+\\.js$': '<rootDir>/scripts/dev/jest/esbuild-transform.js'
            },
            transformIgnorePatterns: ['/node_modules/(?!@faker-js/faker/)'],
            setupFiles: [
                '<rootDir>/scripts/dev/jest/parser-crosscheck.js',
                '<rootDir>/scripts/dev/jest/native-errors.js'
            ],
            moduleNameMapper: lwcModules,
            moduleFileExtensions: ['ts', 'js', 'json']
        }
    ]
};
