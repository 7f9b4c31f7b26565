// Two Jest projects: the LWC components (sfdx-lwc-jest preset, jsdom) and the Node tooling in scripts/.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

// The tooling imports the LWC service modules by path, and those import each other as `c/<name>`: the
// same `c/<name>` paths as tsconfig.json (kept up to date by npm run build:lwc) resolve them here.
const tsconfigPaths = JSON.parse(readFileSync(join(__dirname, 'tsconfig.json'), 'utf8')).compilerOptions.paths;
const lwcModules = Object.fromEntries(
    Object.entries(tsconfigPaths)
        .filter(([name]) => /^c\/[^*]+$/.test(name))
        .map(([name, [file]]) => [`^${name}$`, `<rootDir>/${file}`])
);

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
            setupFiles: ['<rootDir>/scripts/dev/jest/crosscheck-env.js'],
            moduleFileExtensions: ['ts', 'js', 'json'],
            moduleNameMapper: lwcModules
        }
    ]
};
