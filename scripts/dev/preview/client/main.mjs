// Entry of the preview page: synthetic shadow (which lightning-base-components needs), the console
// component, and a toast area that renders ShowToastEvents the way Lightning Experience would.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import WardenConsole from 'c/wardenConsole';

// Timing marks for the benchmark: when every module has been evaluated, and when the console is mounted.
window.__wardenModulesReadyAt = performance.now();

const toastIcons = { success: 'success', error: 'error', warning: 'warning', info: 'info' };

function showToast(detail) {
    const area = document.getElementById('warden-toasts');
    const variant = toastIcons[detail.variant] ? detail.variant : 'info';
    const toast = document.createElement('div');
    toast.className = `slds-notify slds-notify_toast slds-theme_${variant}`;
    toast.setAttribute('role', 'status');
    toast.dataset.variant = variant;
    const body = document.createElement('div');
    body.className = 'slds-notify__content';
    const title = document.createElement('h2');
    title.className = 'slds-text-heading_small';
    title.textContent = detail.title || '';
    const message = document.createElement('p');
    message.textContent = detail.message || '';
    body.append(title, message);
    const close = document.createElement('button');
    close.className = 'slds-button slds-button_icon slds-notify__close slds-button_icon-inverse';
    close.textContent = '×';
    close.title = 'Close';
    close.addEventListener('click', () => toast.remove());
    toast.append(body, close);
    // Like Lightning Experience, only the latest toasts stay on screen.
    while (area.childElementCount >= 2) {
        area.firstElementChild.remove();
    }
    area.appendChild(toast);
    setTimeout(() => toast.remove(), variant === 'error' ? 12000 : 6000);
}

document.addEventListener('lightning__showtoast', (event) => showToast(event.detail || {}));

const element = createElement('c-warden-console', { is: WardenConsole });
const tab = new URLSearchParams(window.location.search).get('tab');
if (tab) {
    element.initialTab = tab;
}
document.getElementById('warden-root').appendChild(element);
window.__wardenMountedAt = performance.now();
