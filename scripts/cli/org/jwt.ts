/**
 * The OAuth 2.0 JWT bearer flow for CI: a JWT signed with the connected app's private key is
 * exchanged for an access token at <loginUrl>/services/oauth2/token. Claims as Salesforce documents
 * them ("OAuth 2.0 JWT Bearer Flow for Server-to-Server Integration", help.salesforce.com,
 * remoteaccess_oauth_jwt_flow): iss = consumer key, sub = username, aud = the login server,
 * exp = at most 3 minutes ahead; RS256.
 */
import { createPrivateKey, sign } from 'node:crypto';

export type JwtClaims = { clientId: string; username: string; audience: string; nowSeconds: number };

function base64url(input: Buffer | string): string {
    return Buffer.from(input).toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

/** Builds and signs the assertion. The private key is a PEM string (PKCS#1 or PKCS#8). */
export function createJwtAssertion(claims: JwtClaims, privateKeyPem: string): string {
    const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
    const payload = base64url(
        JSON.stringify({
            iss: claims.clientId,
            sub: claims.username,
            aud: claims.audience,
            exp: claims.nowSeconds + 180
        })
    );
    const key = createPrivateKey(privateKeyPem);
    const signature = sign('RSA-SHA256', Buffer.from(`${header}.${payload}`), key);
    return `${header}.${payload}.${base64url(signature)}`;
}

/**
 * The audience Salesforce expects: test.salesforce.com for sandboxes (including sandbox My Domain
 * login URLs), login.salesforce.com otherwise. SF_JWT_AUDIENCE overrides it; a loopback login URL (the
 * test server) is its own audience.
 */
export function jwtAudience(loginUrl: string, override?: string): string {
    if (override) {
        return override;
    }
    const host = new URL(loginUrl).hostname;
    if (host === '127.0.0.1' || host === 'localhost' || host === '::1') {
        return loginUrl.replace(/\/$/, '');
    }
    if (host === 'test.salesforce.com' || host.endsWith('.sandbox.my.salesforce.com') || host.includes('--')) {
        return 'https://test.salesforce.com';
    }
    return 'https://login.salesforce.com';
}
