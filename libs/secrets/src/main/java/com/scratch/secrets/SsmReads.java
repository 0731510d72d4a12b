package com.scratch.secrets;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.AccessDeniedException;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/** The two reads the cache makes, with every SDK failure turned into the {@link SecretReadException} that says why. */
final class SsmReads {

    /** GetParameters takes at most 10 names. */
    static final int BATCH_LIMIT = 10;

    private SsmReads() {
    }

    static Parameter one(SsmClient ssm, ParameterKey key) {
        try {
            return ssm.getParameter(request -> request.name(key.name()).withDecryption(key.withDecryption())).parameter();
        } catch (SdkException e) {
            throw translate(key.name(), e);
        }
    }

    /** The parameters found, by name; the names SSM does not know are simply absent. */
    static Map<String, Parameter> batch(SsmClient ssm, List<String> names, boolean withDecryption) {
        if (names.size() > BATCH_LIMIT) {
            throw new IllegalArgumentException("GetParameters takes at most " + BATCH_LIMIT + " names, got " + names.size());
        }
        try {
            GetParametersResponse response = ssm.getParameters(request -> request.names(names).withDecryption(withDecryption));
            return response.parameters().stream().collect(Collectors.toMap(Parameter::name, Function.identity()));
        } catch (SdkException e) {
            throw translate(String.join(", ", names), e);
        }
    }

    static SecretReadException translate(String names, SdkException e) {
        if (e instanceof ParameterNotFoundException) {
            return new SecretNotFoundException(names, e);
        }
        if (e instanceof AccessDeniedException) {
            return new SecretAccessDeniedException(names, e);
        }
        if (e instanceof AwsServiceException) {
            AwsServiceException service = (AwsServiceException) e;
            return new SecretUnavailableException(names, service.awsErrorDetails().errorCode()
                    + " (HTTP " + service.statusCode() + ")", e);
        }
        return new SecretUnavailableException(names, e.getClass().getSimpleName(), e);
    }
}
