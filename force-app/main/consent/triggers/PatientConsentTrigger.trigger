trigger PatientConsentTrigger on PatientConsent__c(before insert, before update) {
    ConsentTriggerHandler.handle(Trigger.operationType, Trigger.new, Trigger.oldMap);
}
