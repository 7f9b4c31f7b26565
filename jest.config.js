// Two Jest projects: the LWC components (sfdx-lwc-jest preset, jsdom) and the Node tooling in scripts/.
'use strict';
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
    projects: [
        {
            ...jestConfig,
            displayName: 'lwc',
            rootDir: __dirname,
            roots: ['<rootDir>/force-app'],
            // Our own mocks of lightning/* modules, where the sfdx-lwc-jest stubs do not suffice,
            // are mapped one by one from config/jest/mocks/lightning.
            moduleNameMapper: {},
            testMatch: ['**/lwc/**/__tests__/**/*.test.(js|ts)'],
            modulePathIgnorePatterns: ['<rootDir>/.localdevserver']
        },
        {
            displayName: 'scripts',
            rootDir: __dirname,
            roots: ['<rootDir>/scripts'],
            testEnvironment: 'node',
            testMatch: ['**/__tests__/**/*.test.ts'],
            transform: { '^.+\\.ts$': '<rootDir>/scripts/dev/jest/esbuild-transform.js' },
            setupFiles: ['<rootDir>/scripts/dev/jest/parser-crosscheck.js'],
            moduleFileExtensions: ['ts', 'js', 'json']
        }
    ]
};
