import { findings, lines } from './scan-helpers';

function namedCredential(url: string, label = 'Service', description = ''): string {
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<NamedCredential xmlns="http://soap.sforce.com/2006/04/metadata">',
        '    <allowMergeFieldsInBody>false</allowMergeFieldsInBody>',
        ...(description ? [`    <description>${description}</description>`] : []),
        `    <endpoint>${url}</endpoint>`,
        `    <label>${label}</label>`,
        '    <principalType>NamedUser</principalType>',
        '    <protocol>NoAuthentication</protocol>',
        '</NamedCredential>',
        ''
    ].join('\n');
}

function remoteSite(url: string, extra = ''): string {
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<RemoteSiteSetting xmlns="http://soap.sforce.com/2006/04/metadata">',
        `    <disableProtocolSecurity>${extra === 'insecure' ? 'true' : 'false'}</disableProtocolSecurity>`,
        '    <isActive>true</isActive>',
        `    <url>${url}</url>`,
        '</RemoteSiteSetting>',
        ''
    ].join('\n');
}

function caller(className: string, endpointExpr: string, extra = ''): string {
    return [
        `public with sharing class ${className} {`,
        extra,
        '    public HttpResponse call(String prompt) {',
        '        HttpRequest req = new HttpRequest();',
        `        req.setEndpoint(${endpointExpr});`,
        "        req.setMethod('POST');",
        '        req.setBody(prompt);',
        '        return new Http().send(req);',
        '    }',
        '}',
        ''
    ].join('\n');
}

describe('llm-gate-bypass', () => {
    it('flags a known LLM host and an LLM Named Credential outside the gate', () => {
        const files = {
            Direct: caller('Direct', "'https://api.openai.com/v1/chat/completions'"),
            ViaConstant: caller(
                'ViaConstant',
                "ENDPOINT + '/v1/messages'",
                "    private static final String ENDPOINT = 'callout:ClaudeEu';"
            ),
            Plain: caller('Plain', "'callout:ErpApi/orders'"),
            'force-app/main/default/namedCredentials/ClaudeEu.namedCredential-meta.xml': namedCredential(
                'https://api.anthropic.com',
                'Claude EU'
            ),
            'force-app/main/default/namedCredentials/ErpApi.namedCredential-meta.xml': namedCredential(
                'https://erp.example.com',
                'ERP'
            )
        };
        const found = findings(files, 'llm-gate-bypass');
        expect(found.map((f) => [f.componentName, f.severity, f.category])).toEqual([
            ['Direct', 'critical', 'Endpoint'],
            ['ViaConstant', 'critical', 'Endpoint']
        ]);
        expect(found[1].message).toContain('Named Credential ClaudeEu');
    });

    it('detects LLM credentials from LlmEndpoint__c seed data, config and labels, and endpoints built from LlmEndpoint__c', () => {
        const seed = [
            'Name,EndpointKey__c,NamedCredential__c,Region__c',
            'Sovereign,sovereign-eu,SovereignLlm,eu-central-1',
            ''
        ].join('\n');
        const files = {
            A: caller('A', "'callout:SovereignLlm/v1/generate'"),
            B: caller('B', "'callout:HouseModel/generate'"),
            C: caller('C', "'callout:Summariser/run'"),
            D: [
                'public with sharing class D {',
                '    public void call(Id endpointId) {',
                '        LlmEndpoint__c ep = [SELECT NamedCredential__c FROM LlmEndpoint__c WHERE Id = :endpointId WITH USER_MODE];',
                '        HttpRequest req = new HttpRequest();',
                "        req.setEndpoint('callout:' + ep.NamedCredential__c);",
                '    }',
                '}',
                ''
            ].join('\n'),
            'data/LlmEndpoint__c.csv': seed,
            'force-app/main/default/namedCredentials/Summariser.namedCredential-meta.xml': namedCredential(
                'https://inference.internal.example',
                'Summariser',
                'Self-hosted LLM for discharge summaries'
            )
        };
        const found = findings(files, 'llm-gate-bypass', { llm: { namedCredentials: ['HouseModel'] } });
        expect(found.map((f) => f.componentName)).toEqual(['A', 'B', 'C', 'D']);
    });

    it('reads a camel-case Named Credential name without metadata, and paths only LLM APIs use', () => {
        const files = {
            CamelName: caller('CamelName', "'callout:OpenAiEu/v1/responses'"),
            ChatGpt: caller('ChatGpt', "'callout:ChatGPTProd/query'"),
            SelfHosted: caller('SelfHosted', "'callout:Inference/v1/chat/completions'"),
            Deployment: caller('Deployment', "'callout:Models/openai/deployments/triage/extensions'"),
            Vertex: caller('Vertex', "'https://models.example.org/v1/projects/p/models/m:generateContent'"),
            Messaging: caller('Messaging', "'callout:MessagingGateway/v1/messages'"),
            Opening: caller('Opening', "'callout:OpenAirport/flights'"),
            Billing: caller('Billing', "'callout:Billing/invoices'"),
            'force-app/main/default/namedCredentials/Billing.namedCredential-meta.xml': namedCredential(
                'https://billing.example.com',
                'Billing'
            )
        };
        const found = findings(files, 'llm-gate-bypass');
        expect(found.map((f) => f.componentName)).toEqual([
            'CamelName',
            'ChatGpt',
            'Deployment',
            'SelfHosted',
            'Vertex'
        ]);
        expect(found[0].message).toContain(
            'Named Credential OpenAiEu names an LLM (its metadata is not in the project)'
        );
        expect(found[2].message).toContain("/openai/deployments/ is an LLM API's path");
        expect(found[3].message).toContain("/chat/completions is an LLM API's path");
    });

    it('allows the gate classes to call LLMs', () => {
        const files = {
            InferenceGuard: caller('InferenceGuard', "'https://api.openai.com/v1/chat/completions'"),
            LlmTransport: caller('LlmTransport', "'https://api.openai.com/v1/chat/completions'")
        };
        expect(findings(files, 'llm-gate-bypass', { gate: { classes: ['InferenceGuard', 'LlmTransport'] } })).toEqual(
            []
        );
        expect(findings(files, 'llm-gate-bypass').map((f) => f.componentName)).toEqual(['LlmTransport']);
    });
});

describe('hardcoded-endpoint and insecure-endpoint', () => {
    it('flags literal URLs (directly or through constants) and plain http, not Named Credentials', () => {
        const files = {
            A: caller('A', "'https://erp.example.com/api'"),
            B: caller('B', "BASE + '/orders'", "    private static final String BASE = 'http://legacy.example.com';"),
            C: caller('C', "'callout:Erp/orders'"),
            D: caller('D', 'Settings__c.getInstance().Url__c')
        };
        expect(findings(files, 'hardcoded-endpoint').map((f) => f.componentName)).toEqual(['A', 'B']);
        const insecure = findings(files, 'insecure-endpoint');
        expect(insecure.map((f) => [f.componentName, f.severity])).toEqual([['B', 'high']]);
        expect(insecure[0].message).toContain('http://legacy.example.com');
    });

    it('ignores test classes, where mock URLs are normal', () => {
        const test =
            "@IsTest\nprivate class A_Tests {\n    @IsTest\n    static void itCalls() {\n        HttpRequest req = new HttpRequest();\n        req.setEndpoint('http://mock.example');\n    }\n}\n";
        expect(lines({ A_Tests: test }, 'insecure-endpoint')).toEqual([]);
    });
});

describe('insecure-endpoint-metadata', () => {
    it('flags http Remote Sites and Named Credentials, and disabled protocol security', () => {
        const files = {
            'force-app/main/default/remoteSiteSettings/Legacy.remoteSite-meta.xml':
                remoteSite('http://legacy.example.com'),
            'force-app/main/default/remoteSiteSettings/Loose.remoteSite-meta.xml': remoteSite(
                'https://ok.example.com',
                'insecure'
            ),
            'force-app/main/default/remoteSiteSettings/Good.remoteSite-meta.xml': remoteSite('https://ok.example.com'),
            'force-app/main/default/namedCredentials/Old.namedCredential-meta.xml':
                namedCredential('http://old.example.com')
        };
        const found = findings(files, 'insecure-endpoint-metadata');
        expect(found.map((f) => [f.componentType, f.componentName, f.line])).toEqual([
            ['NamedCredential', 'Old', 4],
            ['RemoteSiteSetting', 'Legacy', 5],
            ['RemoteSiteSetting', 'Loose', 5]
        ]);
    });
});

describe('endpoint-region-not-allowed', () => {
    it('flags endpoints in regions outside the allowed list', () => {
        const files = {
            'force-app/main/default/namedCredentials/BedrockUs.namedCredential-meta.xml': namedCredential(
                'https://bedrock-runtime.us-east-1.amazonaws.com'
            ),
            'force-app/main/default/namedCredentials/BedrockEu.namedCredential-meta.xml': namedCredential(
                'https://bedrock-runtime.eu-central-1.amazonaws.com'
            ),
            'force-app/main/default/remoteSiteSettings/Vertex.remoteSite-meta.xml': remoteSite(
                'https://us-central1-aiplatform.googleapis.com'
            ),
            'force-app/main/default/namedCredentials/Azure.namedCredential-meta.xml': namedCredential(
                'https://myorg-westeurope.openai.azure.com'
            )
        };
        const found = findings(files, 'endpoint-region-not-allowed', {
            endpoints: { allowedRegions: ['eu-*', 'europe-*', 'westeurope'] }
        });
        expect(found.map((f) => [f.componentName, f.category])).toEqual([
            ['BedrockUs', 'Residency'],
            ['Vertex', 'Residency']
        ]);
        expect(findings(files, 'endpoint-region-not-allowed')).toEqual([]);
    });

    it('flags a Named Credential whose host disagrees with the region its LlmEndpoint__c declares', () => {
        const seed = JSON.stringify([
            {
                attributes: { type: 'LlmEndpoint__c' },
                Name: 'Bedrock',
                EndpointKey__c: 'bedrock-eu',
                NamedCredential__c: 'Bedrock',
                Region__c: 'eu-central-1'
            }
        ]);
        const files = {
            'data/endpoints.json': seed,
            'force-app/main/default/namedCredentials/Bedrock.namedCredential-meta.xml': namedCredential(
                'https://bedrock-runtime.us-west-2.amazonaws.com'
            )
        };
        const found = findings(files, 'endpoint-region-not-allowed');
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain('declares region eu-central-1');
    });
});
