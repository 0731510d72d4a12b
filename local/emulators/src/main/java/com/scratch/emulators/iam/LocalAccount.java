package com.scratch.emulators.iam;

/** The one AWS account and region every local endpoint lives in: the ARNs they answer with, and what policies resolve to. */
public final class LocalAccount {

    public static final String PARTITION = "aws";
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT_ID = "000000000000";

    private LocalAccount() {
    }
}
