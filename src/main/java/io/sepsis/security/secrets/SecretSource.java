package io.sepsis.security.secrets;

/** Reads the current value of a secret. Implementations never put the value in an exception message. */
public interface SecretSource extends AutoCloseable {

    /** The current SecretString and its version id. */
    SecretValue fetch(String secretId) throws SecretFetchException;

    @Override
    default void close() {
    }

    /**
     * @param secretString the secret's text; never log it
     * @param versionId    Secrets Manager's version id (changes with every new value), may be null
     */
    record SecretValue(String secretString, String versionId) {
        @Override
        public String toString() {
            return "SecretValue[version=" + versionId + "]";
        }
    }
}
