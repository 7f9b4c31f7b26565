trigger ChainCheckpointTrigger on ChainCheckpoint__c(before insert, before update, before delete) {
    AuditRecordGuard.guard(Trigger.operationType, Trigger.new, Trigger.old);
}
