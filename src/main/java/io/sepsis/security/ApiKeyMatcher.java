package io.sepsis.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a presented API key against the configured ones without leaking, through timing, which key is close or
 * how long the keys are: both sides are hashed with SHA-256 and the fixed-length digests are compared with
 * {@link MessageDigest#isEqual} (constant time), against every configured key without stopping at a match.
 * Only digests are kept; the keys themselves are not stored, logged or returned.
 */
public final class ApiKeyMatcher {
    /** Length of a key id: enough to tell keys apart in logs and usage statistics, useless to an attacker. */
    public static final int KEY_ID_HEX_CHARS = 12;

    private final List<byte[]> digests;
    private final List<String> ids;

    private ApiKeyMatcher(List<byte[]> digests, List<String> ids) {
        this.digests = digests;
        this.ids = ids;
    }

    /** Keys from comma-separated sources (e.g. the values of API_KEYS and API_KEY); blanks are dropped. */
    public static ApiKeyMatcher fromCommaSeparated(Collection<String> sources) {
        Set<String> keys = new LinkedHashSet<>();
        for (String source : sources) {
            if (source == null) {
                continue;
            }
            for (String part : source.split(",")) {
                String key = part.trim();
                if (!key.isEmpty()) {
                    keys.add(key);
                }
            }
        }
        List<byte[]> digests = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (String key : keys) {
            byte[] digest = sha256(key);
            digests.add(digest);
            ids.add(idOf(digest));
        }
        return new ApiKeyMatcher(List.copyOf(digests), List.copyOf(ids));
    }

    /** No key at all. */
    public static ApiKeyMatcher none() {
        return new ApiKeyMatcher(List.of(), List.of());
    }

    /** This matcher's keys, then {@code other}'s that are not already here (same digest): the union, as digests. */
    public ApiKeyMatcher union(ApiKeyMatcher other) {
        List<byte[]> digests = new ArrayList<>(this.digests);
        List<String> ids = new ArrayList<>(this.ids);
        for (int i = 0; i < other.digests.size(); i++) {
            byte[] candidate = other.digests.get(i);
            if (digests.stream().noneMatch(d -> MessageDigest.isEqual(d, candidate))) {
                digests.add(candidate);
                ids.add(other.ids.get(i));
            }
        }
        return new ApiKeyMatcher(List.copyOf(digests), List.copyOf(ids));
    }

    public boolean isEmpty() {
        return digests.isEmpty();
    }

    public int size() {
        return digests.size();
    }

    /** Ids of the configured keys (for the startup log), in configuration order. */
    public List<String> keyIds() {
        return ids;
    }

    /** The id of the matching configured key, or empty (also for a null or blank key, and when none is configured). */
    public Optional<String> match(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        byte[] digest = sha256(presented);
        int found = -1;
        for (int i = 0; i < digests.size(); i++) {
            // no early exit: the time does not depend on which key matched
            if (MessageDigest.isEqual(digests.get(i), digest)) {
                found = i;
            }
        }
        return found < 0 ? Optional.empty() : Optional.of(ids.get(found));
    }

    /** First {@value #KEY_ID_HEX_CHARS} hex characters of SHA-256(key). */
    public static String keyId(String key) {
        return idOf(sha256(key));
    }

    private static String idOf(byte[] digest) {
        return HexFormat.of().formatHex(digest).substring(0, KEY_ID_HEX_CHARS);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
