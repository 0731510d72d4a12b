package com.scratch.emulators.iam;

import com.scratch.emulators.internal.RandomIds;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * A function as the local endpoints see it: the credentials it signs with and the policy of its role.
 *
 * @param functionName the function's name, for messages ({@code billing})
 * @param arn the identity AWS names in a refusal, {@code arn:aws:sts::<account>:assumed-role/<role>/<session>}
 * @param accessKeyId what the function's requests carry in their {@code Authorization} header
 * @param secretAccessKey what signs them; never printed
 */
public record LocalPrincipal(String functionName, String arn, String accessKeyId, String secretAccessKey, IamPolicy policy) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public LocalPrincipal {
        Objects.requireNonNull(functionName, "functionName == null");
        Objects.requireNonNull(arn, "arn == null");
        Objects.requireNonNull(accessKeyId, "accessKeyId == null");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey == null");
        Objects.requireNonNull(policy, "policy == null");
    }

    /**
     * A principal with fresh random credentials, shaped like a Lambda function's: temporary ({@code ASIA...})
     * credentials of the assumed role, with the function's name as the session name.
     */
    public static LocalPrincipal forFunction(String functionName, String account, String roleName, String sessionName,
            IamPolicy policy) {
        String accessKeyId = RandomIds.alphanumeric("ASIA", 16).toUpperCase(java.util.Locale.ROOT);
        byte[] secret = new byte[30];
        RANDOM.nextBytes(secret);
        return new LocalPrincipal(functionName, "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + sessionName,
                accessKeyId, java.util.Base64.getEncoder().encodeToString(secret), policy);
    }

    @Override
    public String toString() {
        return "LocalPrincipal[" + functionName + " as " + arn + ", key " + accessKeyId + "]";
    }
}
