trigger CampaignTrigger on Campaign(after insert) {
    CampaignTriggerHandler handler = new CampaignTriggerHandler(Trigger.new);
    handler.afterInsert();
}
