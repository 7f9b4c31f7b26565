trigger OpportunityTrigger on Opportunity(before insert) {
    Decimal defaultAmount = 0;
    for (Opportunity o : Trigger.new) {
        if (o.Amount == null) {
            o.Amount = defaultAmount;
        }
    }
}
