package dev.dataversebdd.targets;

import java.util.List;

/**
 * A token someone else acquired, e.g. {@code az account get-access-token --resource https://org.crm.dynamics.com}.
 * It cannot be renewed: runs longer than its lifetime should use client credentials.
 */
final class PreAcquiredToken implements TokenSource {

    private final String token;

    PreAcquiredToken(String token) {
        this.token = token.startsWith("Bearer ") ? token.substring(7).trim() : token.trim();
    }

    @Override
    public String accessToken() {
        return token;
    }

    @Override
    public List<String> secrets() {
        return List.of(token);
    }
}
