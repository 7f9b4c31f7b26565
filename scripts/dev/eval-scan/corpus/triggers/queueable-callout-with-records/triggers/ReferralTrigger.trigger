trigger ReferralTrigger on Referral__c(after insert) {
    ReferralHandler.afterInsert(Trigger.new);
}
