package dev.dataversebdd.dsl;

import dev.dataversebdd.wire.ErrorBody;
import java.util.Optional;
import org.apiguardian.api.API;

/** The {@code {"error":{"code":…,"message":…}}} envelope of a Dataverse response, when the body is one. */
@API(status = API.Status.STABLE, since = "0.1")
public record DataverseError(String code, String message) {

    public static Optional<DataverseError> parse(String body) {
        return ErrorBody.parse(body).map(error -> new DataverseError(error.code(), error.message()));
    }
}
