trigger RecordChangeTrigger on RecordChange__c(before insert, before update, before delete) {
    ChangeHistory.guard(Trigger.operationType, Trigger.new, Trigger.old);
}
