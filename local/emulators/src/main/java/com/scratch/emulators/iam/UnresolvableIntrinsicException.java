package com.scratch.emulators.iam;

/** An intrinsic function in a packaged policy that has no local value (an unknown resource, export or function). */
public final class UnresolvableIntrinsicException extends RuntimeException {

    public UnresolvableIntrinsicException(String message) {
        super(message);
    }
}
