trigger ContactTrigger on Contact(before insert) {
    Map<Id, Account> accounts = new Map<Id, Account>([SELECT Id FROM Account WITH USER_MODE LIMIT 1]);
    ContactTriggerHandler.beforeInsert(Trigger.new, accounts);
}
