package com.scratch.emulators.iam;

import java.util.Optional;

/** Why a local endpoint refused a request before looking at what it asked for. */
public sealed interface AccessRefusal {

    /** The kind, for a {@code switch} that maps each to its service's error code (Java 17 has no pattern switch). */
    enum Kind { UNSIGNED, UNKNOWN_ACCESS_KEY, BAD_SIGNATURE, NOT_AUTHORIZED }

    Kind kind();

    /** What AWS writes in the error message. */
    String message();

    /** No SigV4 {@code Authorization} header: AWS's "Missing Authentication Token". */
    record Unsigned() implements AccessRefusal {
        @Override
        public Kind kind() {
            return Kind.UNSIGNED;
        }

        @Override
        public String message() {
            return "Missing Authentication Token";
        }
    }

    /** An access key id no local function has. */
    record UnknownAccessKey(String accessKeyId) implements AccessRefusal {
        @Override
        public Kind kind() {
            return Kind.UNKNOWN_ACCESS_KEY;
        }

        @Override
        public String message() {
            return "The security token included in the request is invalid.";
        }
    }

    /** A known access key id, but the signature was not made with its secret (or the request was changed). */
    record BadSignature(LocalPrincipal principal) implements AccessRefusal {
        @Override
        public Kind kind() {
            return Kind.BAD_SIGNATURE;
        }

        @Override
        public String message() {
            return "The request signature we calculated does not match the signature you provided. Check your AWS"
                    + " Secret Access Key and signing method. Consult the service documentation for details.";
        }
    }

    /**
     * The caller is known, and its role's policy does not allow the action on the resource.
     *
     * @param action the IAM action, as a policy names it ({@code sns:Publish})
     * @param displayedAction the action as the service writes it in messages ({@code ssm:GetParameters},
     *     {@code SNS:Publish})
     * @param denyingStatement the Deny that matched, or empty when no Allow did
     */
    record NotAuthorized(LocalPrincipal principal, String action, String displayedAction, String resource,
            Optional<PolicyStatement> denyingStatement) implements AccessRefusal {
        @Override
        public Kind kind() {
            return Kind.NOT_AUTHORIZED;
        }

        @Override
        public String message() {
            String why = denyingStatement.isPresent()
                    ? "with an explicit deny in an identity-based policy"
                    : "because no identity-based policy allows the " + displayedAction + " action";
            return "User: " + principal.arn() + " is not authorized to perform: " + displayedAction
                    + " on resource: " + resource + " " + why;
        }
    }
}
