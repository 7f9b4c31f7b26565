// Jest setup for the scripts project: every Apex file the scanner's tests parse through the fast
// parser (scripts/cli/scan/apex/fastparse.ts) is parsed again with apex-parser and the two trees are
// compared; a difference fails the test that parsed it.
'use strict';
process.env.WARDEN_PARSE_CROSSCHECK = '1';
