package dev.dataversebdd.emulator.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * An immutable choice of mode for every {@link Behaviour}. Unset switches use their default.
 *
 * <pre>{@code
 * BehaviourProfile strict = BehaviourProfile.defaults().with("bind-null", "rejected");
 * }</pre>
 */
@API(status = API.Status.STABLE, since = "0.1")
public final class BehaviourProfile {

    private static final BehaviourProfile DEFAULTS = new BehaviourProfile(new EnumMap<>(Behaviour.class));

    private final EnumMap<Behaviour, String> modes;

    private BehaviourProfile(EnumMap<Behaviour, String> modes) {
        this.modes = modes;
    }

    public static BehaviourProfile defaults() {
        return DEFAULTS;
    }

    public String mode(Behaviour behaviour) {
        return modes.getOrDefault(behaviour, behaviour.defaultMode());
    }

    /** Whether the behaviour is in {@code mode}; a mode the behaviour does not have is a defect, not a quiet "no". */
    public boolean is(Behaviour behaviour, String mode) {
        if (!behaviour.modes().contains(mode)) {
            throw new IllegalArgumentException("behaviour '" + behaviour.key() + "' has no mode '" + mode + "'; modes: "
                    + behaviour.modes());
        }
        return mode(behaviour).equals(mode);
    }

    /** A copy with one switch changed; fails on an unknown switch or mode, listing what exists. */
    public BehaviourProfile with(String key, String mode) {
        Behaviour behaviour = Behaviour.byKey(key);
        if (!behaviour.modes().contains(mode)) {
            throw new IllegalArgumentException("behaviour '" + key + "' has no mode '" + mode + "'; modes: "
                    + behaviour.modes());
        }
        EnumMap<Behaviour, String> copy = new EnumMap<>(Behaviour.class);
        copy.putAll(modes);
        copy.put(behaviour, mode);
        return new BehaviourProfile(copy);
    }

    /** Applies {@code key=value[,key=value…]}, the form of the command line and the request header. */
    public BehaviourProfile withAll(String assignments) {
        BehaviourProfile profile = this;
        for (String assignment : assignments.split(",")) {
            String trimmed = assignment.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("behaviour setting '" + trimmed + "' is not of the form name=mode");
            }
            profile = profile.with(trimmed.substring(0, eq).trim(), trimmed.substring(eq + 1).trim());
        }
        return profile;
    }

    /**
     * Applies a behaviour profile file, such as the one a live conformance run writes
     * ({@code reports/conformance/behaviour-profile.properties}): {@code name=mode} lines, {@code #} comments.
     * Fails naming the file and line of an unknown switch or mode, or if the file cannot be read.
     */
    public BehaviourProfile withFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the behaviour file " + file + ": " + e.getMessage());
        }
        BehaviourProfile profile = this;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                profile = profile.withAll(line);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        return profile;
    }

    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (Behaviour behaviour : Behaviour.values()) {
            map.put(behaviour.key(), mode(behaviour));
        }
        return map;
    }
}
