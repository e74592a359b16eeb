package dev.dataversebdd.targets;

import java.util.List;
import java.util.Locale;

/**
 * {@code dataverse.auth}: how a live run authenticates. {@code bearer} (the default) sends a bearer token, the one
 * given in {@code dataverse.token} or one acquired with client credentials; {@code none} sends none, for a target that
 * needs no authentication. {@code none} is an explicit opt-in, never inferred from missing credentials, so a run
 * whose secret failed to reach CI does not quietly go unauthenticated, and it is refused where it cannot be meant.
 */
final class Authentication {

    private static final String AUTH = LiveOrgConfiguration.AUTH;
    static final String BEARER = "bearer";
    static final String NONE = "none";

    /** Said wherever credentials are missing, so a team with a target that needs none finds the opt-in. */
    static final String OPT_IN = "for a target that needs no authentication (another emulator, an OData service), set "
            + Settings.describe(AUTH) + " to " + NONE + " instead (conformance run --no-auth)";

    /** The settings that give credentials; with {@code none} they would be ignored, so they are refused. */
    private static final List<String> CREDENTIALS = List.of(LiveOrgConfiguration.TOKEN, LiveOrgConfiguration.TENANT_ID,
            LiveOrgConfiguration.CLIENT_ID, LiveOrgConfiguration.CLIENT_SECRET, LiveOrgConfiguration.CLIENT_CERTIFICATE);

    /**
     * Host names of Dataverse orgs in Microsoft's clouds (commercial, US government, China). An org there always
     * wants a token: {@code none} against one is a mistake, refused before any request.
     */
    private static final List<String> DATAVERSE_DOMAINS = List.of(".dynamics.com", ".microsoftdynamics.us",
            ".appsplatform.us", ".dynamics.cn");

    private Authentication() {
    }

    /** True for {@code dataverse.auth=none}, after checking that it can be meant; false for the default. */
    static boolean none(Settings settings, String host) {
        String mode = settings.get(AUTH).orElse(BEARER).toLowerCase(Locale.ROOT);
        if (mode.equals(BEARER)) {
            return false;
        }
        if (!mode.equals(NONE)) {
            throw new ConfigurationException("Setting " + Settings.describe(AUTH) + " is '" + settings.get(AUTH).get()
                    + "'; use '" + BEARER + "' (default: " + Settings.describe(LiveOrgConfiguration.TOKEN)
                    + " or client credentials) or '" + NONE + "' (a target that needs no authentication).");
        }
        List<String> given = CREDENTIALS.stream().filter(name -> settings.get(name).isPresent()).toList();
        if (!given.isEmpty()) {
            throw new ConfigurationException("Setting " + Settings.describe(AUTH) + " is '" + NONE + "', yet "
                    + String.join(", ", given.stream().map(Settings::describe).toList()) + (given.size() == 1 ? " is" : " are")
                    + " set: a run either sends credentials or sends none. Remove " + (given.size() == 1 ? "it" : "them")
                    + ", or drop " + AUTH + "=" + NONE + " (--no-auth).");
        }
        String lower = host.toLowerCase(Locale.ROOT);
        if (DATAVERSE_DOMAINS.stream().anyMatch(lower::endsWith)) {
            throw new ConfigurationException("Setting " + Settings.describe(AUTH) + " is '" + NONE + "', but " + host
                    + " is a Dataverse org, which answers nothing without a token. Set "
                    + Settings.describe(LiveOrgConfiguration.TOKEN) + " or client credentials, and drop " + AUTH + "="
                    + NONE + " (--no-auth).");
        }
        return true;
    }
}
