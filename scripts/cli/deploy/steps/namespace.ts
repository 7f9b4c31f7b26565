/**
 * Warden's names as an org knows them. Where the package source was deployed unmanaged (or is about to be), an
 * object is known by its local name; where only the installed managed package's object exists, the org knows it,
 * and its custom fields, with the `warden__` namespace. Steps name Warden's objects and fields once, without the
 * prefix, and ask here for the org's name.
 */

/** The managed namespace prefix (sfdx-project.json's `warden`). */
export const WARDEN_NAMESPACE = 'warden__';

/** '' where the org knows `object` by its local name, `warden__` where it knows only the packaged one. */
export function wardenPrefix(sobjects: ReadonlySet<string>, object: string): string {
    return !sobjects.has(object) && sobjects.has(WARDEN_NAMESPACE + object) ? WARDEN_NAMESPACE : '';
}

/**
 * `Object__c.Field__c` as the org names it: where the object is the packaged one, both the object and a custom
 * field carry the prefix (a standard field such as `Name` never does).
 */
export function wardenFieldName(sobjects: ReadonlySet<string>, field: string): string {
    const dot = field.indexOf('.');
    const object = field.slice(0, dot);
    const name = field.slice(dot + 1);
    const ns = wardenPrefix(sobjects, object);
    if (ns === '') {
        return field;
    }
    return `${ns}${object}.${name.endsWith('__c') ? ns + name : name}`;
}
