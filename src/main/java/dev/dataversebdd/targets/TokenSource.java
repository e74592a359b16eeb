package dev.dataversebdd.targets;

import java.util.List;

/** Gives a bearer token for the org, fresh enough to use now (cached and renewed by the implementation). */
interface TokenSource {

    String accessToken();

    /** Values that must never appear in reports, logs or messages (secrets, certificate passwords, tokens). */
    List<String> secrets();
}
