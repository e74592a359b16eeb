package dev.dataversebdd.dsl;

import org.apiguardian.api.API;

/**
 * What one mode of a [CONFLICT]/[INF] behaviour answers one probe: a status and, for an error, its Dataverse code
 * (null when any code will do). A probe that is not the behaviour's usual request names what every mode answers it,
 * so that a request only one mode allows tells the modes apart.
 *
 * <pre>{@code
 * dv.behaviours().observe("security-nn-associate", outcome, List.of(
 *         ModeAnswer.of("append-both", 403, "0x80040220"),
 *         ModeAnswer.of("appendto-target+append-related", 204),
 *         ModeAnswer.of("append+appendto-both", 403, "0x80040220")));
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record ModeAnswer(String mode, int status, String code) {

    /** A success, or an error whose code does not matter. */
    public static ModeAnswer of(String mode, int status) {
        return new ModeAnswer(mode, status, null);
    }

    /** An error with its Dataverse code ({@code 0x80040220}). */
    public static ModeAnswer of(String mode, int status, String code) {
        return new ModeAnswer(mode, status, code);
    }
}
