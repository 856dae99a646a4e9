package io.sepsis.security.secrets;

/**
 * A secret could not be read, or what was read is not usable. The message is safe to log and to show in
 * {@code /health}: an error code, an exception class name or a description of the format problem, never any part of
 * the secret's value.
 */
public class SecretFetchException extends Exception {
    public SecretFetchException(String safeMessage) {
        super(safeMessage, null, false, false);
    }
}
