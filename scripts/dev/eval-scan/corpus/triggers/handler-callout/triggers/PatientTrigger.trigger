trigger PatientTrigger on Contact(after insert) {
    PatientTriggerHandler.afterInsert(Trigger.new);
}
