package dev.dataversebdd.emulator.core.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Delete cascades an org's {@code $metadata} does not carry (it has no {@code OnDelete}: cascade configuration lives
 * in the relationship definitions, D24), filled in with Dataverse's documented defaults for system relationships:
 * <ul>
 *   <li>an activity's parties go with it (the activityparty table's relationships, D19);</li>
 *   <li>the parental system relationships the built-in schema carries from the table reference pages (D19):
 *       {@code contact_customer_accounts}, {@code opportunity_customer_accounts}, {@code Account_Tasks}, …;</li>
 *   <li>a table's activities, through their Regarding lookup, go with it: those relationships are parental on the
 *       reference pages (D19) and the emulator takes that for every table (INF).</li>
 * </ul>
 * Every other relationship removes the link. What was applied is said once, at start-up ({@link Schema#notes()}).
 */
final class SystemDefaults {

    private SystemDefaults() {
    }

    /** The delete actions to apply, by declaring type and navigation property, with the list of what was applied. */
    record Applied(Map<String, Map<String, NavigationProperty.DeleteAction>> actions, List<String> names) {
    }

    static Applied find(List<EntityType> types, Set<String> known) {
        Map<String, EntityType> byName = new LinkedHashMap<>();
        types.forEach(t -> byName.put(t.logicalName(), t));
        Map<String, Map<String, NavigationProperty.DeleteAction>> actions = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        Schema builtIn = Schema.builtInCsdl();
        for (EntityType type : types) {
            for (NavigationProperty nav : type.navigations().values()) {
                if (nav.kind() != NavigationProperty.Kind.ONE_TO_MANY || nav.lookupProperty() == null
                        || nav.onDelete() == NavigationProperty.DeleteAction.CASCADE || known.contains(nav.name())) {
                    continue;
                }
                if (isParental(type, nav, byName.get(nav.targetType()), builtIn)) {
                    actions.computeIfAbsent(type.logicalName(), k -> new LinkedHashMap<>())
                            .put(nav.name(), NavigationProperty.DeleteAction.CASCADE);
                    names.add(nav.name());
                }
            }
        }
        names.sort(String.CASE_INSENSITIVE_ORDER);
        return new Applied(actions, List.copyOf(names));
    }

    private static boolean isParental(EntityType type, NavigationProperty nav, EntityType target, Schema builtIn) {
        if (nav.targetType().equals("activityparty") && nav.lookupProperty().equals("_activityid_value")) {
            return true;
        }
        boolean documented = builtIn.byLogicalName(type.logicalName()).flatMap(t -> t.navigation(nav.name()))
                .map(n -> n.onDelete() == NavigationProperty.DeleteAction.CASCADE).orElse(false);
        if (documented) {
            return true;
        }
        return target != null && target.primaryKey().equals("activityid")
                && nav.lookupProperty().equals("_regardingobjectid_value");
    }
}
