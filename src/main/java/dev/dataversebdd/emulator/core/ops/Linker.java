package dev.dataversebdd.emulator.core.ops;

import dev.dataversebdd.emulator.core.Behaviour;
import dev.dataversebdd.emulator.core.BehaviourProfile;
import dev.dataversebdd.emulator.core.DataverseException;
import dev.dataversebdd.emulator.core.Errors;
import dev.dataversebdd.emulator.core.schema.EntityType;
import dev.dataversebdd.emulator.core.schema.NavigationProperty;
import dev.dataversebdd.emulator.core.security.Guard;
import dev.dataversebdd.emulator.core.security.Ownership;
import dev.dataversebdd.emulator.core.security.Right;
import dev.dataversebdd.emulator.core.security.RoleCopies;
import dev.dataversebdd.emulator.core.state.EntityRef;
import dev.dataversebdd.emulator.core.state.Row;
import dev.dataversebdd.emulator.core.state.Store;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Links and unlinks rows through navigation properties, whichever request shape asked for it ({@code $ref},
 * {@code @odata.bind}, deep insert, PATCH null). One place for the rules: the target's table must match the
 * navigation property, a multi-table lookup holds one target, a hierarchy must not loop, an N:N pair exists once.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class Linker {

    private static final Set<String> ROLE_ASSIGNMENTS = Set.of("systemuserroles_association",
            "teamroles_association");

    private final RowLocator rows;
    private final Store store;

    public Linker(RowLocator rows) {
        this.rows = rows;
        this.store = rows.store();
    }

    /**
     * Sets a single-valued navigation property (its lookup) of {@code row} to {@code target}: Append on the row,
     * AppendTo on the target (S3), nothing when the lookup already points there; {@code ownerid} is an assignment
     * and needs Assign instead (the Write is the operation's).
     */
    public void bindSingle(Row row, NavigationProperty nav, Row target, RequestContext context) {
        requireTargetType(nav, target);
        String lookup = lookupOf(nav);
        if (nav.targetType().equals(row.logicalName())) {
            refuseLoop(row, lookup, target);
        }
        if (lookup.equals(Ownership.OWNER)) {
            if (!context.guard().isNew(row)) {
                context.guard().require(Right.ASSIGN, row);
            }
            Ownership.assign(store, rows.typeOf(row), row, target);
            return;
        }
        if (!target.ref().equals(row.lookup(lookup))) {
            context.guard().require(Right.APPEND, row);
            context.guard().require(Right.APPEND_TO, target);
        }
        store.setLookup(row, lookup, target.ref());
    }

    /**
     * Clears a single-valued navigation property. For a multi-table lookup this clears the shared lookup
     * whichever table it points to, as nulling any participating property does in Dataverse. Append on the row
     * besides the operation's Write, unless {@code security-lookup-clear} says Write alone.
     */
    public void clearSingle(Row row, NavigationProperty nav, RequestContext context) {
        String lookup = lookupOf(nav);
        if (row.lookup(lookup) != null && context.is(Behaviour.SECURITY_LOOKUP_CLEAR, "write+append")) {
            context.guard().require(Right.APPEND, row);
        }
        store.setLookup(row, lookup, null);
    }

    /**
     * Adds {@code target} to {@code source}'s collection-valued navigation property (1:N or N:N). 1:N: Write and
     * Append on the child, AppendTo on the parent (S3); N:N: as {@code security-nn-associate} says.
     */
    public void associate(Row source, NavigationProperty nav, Row target, RequestContext context) {
        BehaviourProfile profile = context.profile();
        requireTargetType(nav, target);
        if (nav.kind() == NavigationProperty.Kind.MANY_TO_MANY) {
            requireManyToMany(source, target, context);
            if (ROLE_ASSIGNMENTS.contains(nav.name()) && !profile.is(Behaviour.SECURITY_MODERNIZED_BU, "on")) {
                boolean roleFirst = source.logicalName().equals("role");
                RoleCopies.requireSameUnit(store, roleFirst ? target : source, roleFirst ? source : target);
            }
            if (!store.addPair(nav.name(), source.ref(), target.ref())) {
                switch (profile.mode(Behaviour.DUPLICATE_ASSOCIATION)) {
                    case "no-op" -> { }
                    case "400" -> throw Errors.duplicateKey(400);
                    default -> throw Errors.duplicateKey(412);
                }
            }
            return;
        }
        String lookup = lookupOf(nav);
        if (nav.targetType().equals(source.logicalName())) {
            refuseLoop(target, lookup, source);
        }
        if (!source.ref().equals(target.lookup(lookup))) {
            Guard guard = context.guard();
            if (!guard.isNew(target)) {
                guard.require(Right.WRITE, target);
            }
            guard.require(Right.APPEND, target);
            guard.require(Right.APPEND_TO, source);
        }
        store.setLookup(target, lookup, source.ref());
    }

    private static void requireManyToMany(Row source, Row target, RequestContext context) {
        Guard guard = context.guard();
        switch (context.profile().mode(Behaviour.SECURITY_NN_ASSOCIATE)) {
            case "appendto-target+append-related" -> {
                guard.require(Right.APPEND_TO, source);
                guard.require(Right.APPEND, target);
            }
            case "append+appendto-both" -> {
                for (Row row : List.of(source, target)) {
                    guard.require(Right.APPEND, row);
                    guard.require(Right.APPEND_TO, row);
                }
            }
            default -> {
                guard.require(Right.APPEND, source);
                guard.require(Right.APPEND, target);
            }
        }
    }

    /**
     * Removes {@code target} from {@code source}'s collection-valued navigation property: N:N as an associate
     * needs; 1:N as clearing the child's lookup (Write, and Append per {@code security-lookup-clear}).
     */
    public void disassociate(Row source, NavigationProperty nav, Row target, RequestContext context) {
        BehaviourProfile profile = context.profile();
        requireTargetType(nav, target);
        boolean related;
        if (nav.kind() == NavigationProperty.Kind.MANY_TO_MANY) {
            requireManyToMany(source, target, context);
            related = store.removePair(nav.name(), source.ref(), target.ref());
        } else {
            String lookup = lookupOf(nav);
            related = source.ref().equals(target.lookup(lookup));
            if (related) {
                context.guard().require(Right.WRITE, target);
                if (context.is(Behaviour.SECURITY_LOOKUP_CLEAR, "write+append")) {
                    context.guard().require(Right.APPEND, target);
                }
                store.setLookup(target, lookup, null);
            }
        }
        if (!related && profile.is(Behaviour.DISASSOCIATE_UNRELATED, "not-found")) {
            throw new DataverseException(404, "0x80040217", "No " + nav.name() + " association exists between "
                    + source.logicalName() + " With Id = " + source.id() + " and " + target.logicalName()
                    + " With Id = " + target.id());
        }
    }

    /** Removes every row from a collection-valued navigation property (OData 4.01 "remove all"). */
    public void disassociateAll(Row source, NavigationProperty nav, RequestContext context) {
        for (Row related : related(source, nav)) {
            disassociate(source, nav, related, context);
        }
    }

    /**
     * Whether {@code nav} leads to an abstract type the schema keeps no rows of ({@code ownerid}: a principal, which
     * is a systemuser or a team): it leads to whatever row its lookup names.
     */
    public boolean isPolymorphic(NavigationProperty nav) {
        return nav.kind() == NavigationProperty.Kind.SINGLE && rows.schema().byLogicalName(nav.targetType()).isEmpty();
    }

    /** The rows a navigation property of {@code source} leads to, oldest link first. */
    public List<Row> related(Row source, NavigationProperty nav) {
        switch (nav.kind()) {
            case SINGLE -> {
                EntityRef target = source.lookup(lookupOf(nav));
                if (target == null || !target.logicalName().equals(nav.targetType()) && !isPolymorphic(nav)) {
                    return List.of();
                }
                return store.find(target).map(List::of).orElse(List.of());
            }
            case ONE_TO_MANY -> {
                return store.referencing(nav.targetType(), lookupOf(nav), source.ref());
            }
            default -> {
                List<Row> result = new ArrayList<>();
                for (EntityRef ref : store.pairedWith(nav.name(), source.ref())) {
                    store.find(ref).ifPresent(result::add);
                }
                return result;
            }
        }
    }

    private static void requireTargetType(NavigationProperty nav, Row target) {
        if (nav.targetType().equals("principal") && Set.of("systemuser", "team").contains(target.logicalName())) {
            return; // ownerid: a user or a team
        }
        if (!nav.targetType().equals(target.logicalName())) {
            throw Errors.wrongTargetType(nav.name(), nav.targetType(), target.logicalName());
        }
    }

    private static String lookupOf(NavigationProperty nav) {
        if (nav.lookupProperty() == null) {
            throw Errors.emulatorGap("the relationship behind '" + nav.name() + "' (its $metadata declares no "
                    + "ReferentialConstraint on the partner '" + nav.partner() + "')",
                    "navigation properties whose single-valued side has a ReferentialConstraint");
        }
        return nav.lookupProperty();
    }

    /**
     * Refuses to make {@code child}'s parent {@code parent} when {@code parent} descends from {@code child}, at any
     * depth: the walk up the hierarchy ends at its root (the store never holds a loop, and the visited set would stop
     * one anyway).
     */
    private void refuseLoop(Row child, String lookup, Row parent) {
        Set<EntityRef> visited = new HashSet<>();
        for (EntityRef cursor = parent.ref(); cursor != null && visited.add(cursor);
             cursor = store.find(cursor).map(r -> r.lookup(lookup)).orElse(null)) {
            if (cursor.equals(child.ref())) {
                EntityType type = rows.typeOf(child);
                String set = type.entitySetName();
                throw Errors.hierarchyLoop(set.substring(0, 1).toUpperCase(Locale.ROOT) + set.substring(1));
            }
        }
    }
}
