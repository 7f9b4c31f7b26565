// Preview stand-in for `lightning/platformShowToastEvent`: the same event name and detail as the platform;
// the preview page (main.mjs) renders it as an SLDS toast.
export class ShowToastEvent extends CustomEvent {
    constructor(toast) {
        super('lightning__showtoast', { bubbles: true, composed: true, cancelable: true, detail: toast });
    }
}
