trigger AssetTrigger on Asset(before insert) {
    AssetHandler.stamp(Trigger.new);
    void log(String message) {
        System.debug(message);
    }
}
