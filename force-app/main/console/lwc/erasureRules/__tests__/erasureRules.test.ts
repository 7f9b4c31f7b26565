import { decisionNoteRefusal, receiptCounts, requestRefusal } from 'c/erasureRules';

describe('c/erasureRules', () => {
    it('asks for a record id of 15 or 18 letters and digits, then a justification of 10 characters', () => {
        expect(requestRefusal(null, 'GDPR Art. 17 request')).toBe('subjectRequired');
        expect(requestRefusal('   ', 'GDPR Art. 17 request')).toBe('subjectRequired');
        expect(requestRefusal('003-not-an-id', 'GDPR Art. 17 request')).toBe('subjectInvalid');
        expect(requestRefusal('003000000000001AA', 'GDPR Art. 17 request')).toBe('subjectInvalid');
        expect(requestRefusal('003000000000001', '  too short ')).toBe('justificationRequired');
        expect(requestRefusal(' 003000000000001AAA ', 'GDPR Art. 17 request')).toBeNull();
        expect(requestRefusal('003000000000001', '0123456789')).toBeNull();
    });

    it('needs a note of 10 characters to reject, none to approve', () => {
        expect(decisionNoteRefusal(false, null)).toBe('noteRequired');
        expect(decisionNoteRefusal(false, ' short    ')).toBe('noteRequired');
        expect(decisionNoteRefusal(false, 'Identity not verified')).toBeNull();
        expect(decisionNoteRefusal(true, null)).toBeNull();
    });

    it('reads the counts of a receipt and nothing from a malformed one', () => {
        expect(receiptCounts('KEY_DESTROYED;CONSENTS_ERASED=2')).toEqual({ keyDestroyed: true, consentsErased: 2 });
        expect(receiptCounts('NO_KEY;CONSENTS_ERASED=0')).toEqual({ keyDestroyed: false, consentsErased: 0 });
        expect(receiptCounts('NO_KEY;CONSENTS_ERASED=x')).toEqual({ keyDestroyed: false, consentsErased: null });
        expect(receiptCounts(null)).toEqual({ keyDestroyed: false, consentsErased: null });
    });
});
