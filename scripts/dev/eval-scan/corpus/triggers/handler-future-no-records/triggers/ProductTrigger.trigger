trigger ProductTrigger on Product2(after update) {
    ProductTriggerHandler.afterUpdate();
}
