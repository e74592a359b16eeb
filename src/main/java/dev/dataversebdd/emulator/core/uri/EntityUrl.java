package dev.dataversebdd.emulator.core.uri;

import dev.dataversebdd.emulator.core.Errors;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * An entity reference as it appears in {@code @odata.id}, {@code $id} or {@code @odata.bind}, reduced to its
 * entity set and key. Absolute URLs are matched by path whatever the host (clients built with {@code localhost}
 * send {@code localhost}); {@code /set(key)} and {@code set(key)} are resolved against the service root.
 *
 * @param relative true when the reference carried no service root (the [CONFLICT] form for {@code @odata.id})
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record EntityUrl(String entitySet, KeyPredicate key, boolean relative) {

    public static final Set<String> VERSIONS = Set.of("v8.0", "v8.1", "v8.2", "v9.0", "v9.1", "v9.2");
    private static final String API_DATA = "/api/data/";

    public static EntityUrl parse(String reference) {
        String text = reference.trim();
        if (text.isEmpty()) {
            throw Errors.badPayload("The entity reference is empty.");
        }
        if (text.startsWith("$")) { // inside a change set the batch resolves it first; anywhere else it names nothing
            throw Errors.contentIdReferenceMissing(text);
        }
        boolean relative = true;
        String path = text;
        int scheme = text.indexOf("://");
        if (scheme > 0) {
            int apiData = text.indexOf(API_DATA, scheme + 3);
            if (apiData < 0) {
                throw Errors.notUnderServiceRoot(text);
            }
            path = text.substring(apiData);
            relative = false;
        }
        if (path.startsWith(API_DATA)) {
            String rest = path.substring(API_DATA.length());
            int slash = rest.indexOf('/');
            String version = slash < 0 ? rest : rest.substring(0, slash);
            if (!VERSIONS.contains(version)) {
                throw Errors.notUnderServiceRoot(text);
            }
            path = slash < 0 ? "" : rest.substring(slash + 1);
        } else if (path.startsWith("/")) {
            path = path.substring(1);
        }
        ResourcePath resource = ResourcePath.parse(path);
        if (resource.size() != 1 || !resource.get(0).hasKey()) {
            throw Errors.badPayload("The entity reference '" + text + "' does not name a single row: expected "
                    + "{entityset}({key}), e.g. accounts(00000000-0000-0000-0000-000000000001).");
        }
        return new EntityUrl(resource.get(0).name(), resource.get(0).key(), relative);
    }
}
