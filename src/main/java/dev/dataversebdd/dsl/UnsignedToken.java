package dev.dataversebdd.dsl;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A JWT-shaped bearer token that names a user by its {@code oid} claim and carries no signature: the embedded
 * emulator reads such a token as that user's; a real org refuses it.
 */
final class UnsignedToken {

    private UnsignedToken() {
    }

    static String naming(String objectId) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(("{\"oid\":\"" + objectId + "\"}").getBytes(StandardCharsets.UTF_8)) + ".unsigned";
    }
}
