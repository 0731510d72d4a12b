package com.scratch.aws;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;

/**
 * One subsegment per SDK operation, as the X-Ray SDK's {@code TracingInterceptor} recorded it: named after the service
 * ({@code Sns}, {@code DynamoDb}, {@code Ssm}), in the {@code aws} namespace, with {@code aws.operation},
 * {@code aws.region}, {@code aws.request_id}, the request's {@code table_name} (DynamoDB) or {@code topic_arn} (SNS
 * Publish) as that interceptor's default parameter list had them, {@code http.response.status} and
 * {@code content_length}, error, throttle and fault by the status, and a failed call's exception as its cause. The
 * retries of one operation are one subsegment.
 *
 * <p>Each request (every attempt) carries the trace header naming the call's own subsegment as parent:
 * {@code X-Amzn-Trace-Id: Root=<trace>;Parent=<subsegment>;Sampled=1}, or {@code Root=<trace>;Sampled=0} in a trace
 * sampled out. A call with no span open is not traced and sends no header.
 */
final class XRaySdkInterceptor implements ExecutionInterceptor {

    static final String TRACE_HEADER = "X-Amzn-Trace-Id";
    private static final ExecutionAttribute<XRaySpan> SPAN = new ExecutionAttribute<>("com.scratch.aws.XRaySpan");

    private final XRayClientTracing tracing;

    XRaySdkInterceptor(XRayClientTracing tracing) {
        this.tracing = tracing;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        XRaySpan span = tracing.child(service, service + " " + operation);
        if (span == null) {
            return;
        }
        span.namespace(XRayClientTracing.AWS_NAMESPACE);
        span.aws().put("operation", operation);
        Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
        if (region != null) {
            span.aws().put("region", region.id());
        }
        requestParameters(service, operation, context.request(), span.aws());
        attributes.putAttribute(SPAN, span);
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        XRaySpan span = attributes.getAttribute(SPAN);
        if (span == null) {
            return context.httpRequest();
        }
        return context.httpRequest().toBuilder().putHeader(TRACE_HEADER, span.header().toString()).build();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        XRaySpan span = attributes.getAttribute(SPAN);
        if (span == null) {
            return;
        }
        SdkHttpResponse response = context.httpResponse();
        response(span, response);
        requestId(context.response()).or(() -> requestId(response))
                .ifPresent(id -> span.aws().put("request_id", id));
        span.markByStatus(response.statusCode(), false);
        tracing.end(span);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        XRaySpan span = attributes.getAttribute(SPAN);
        if (span == null) {
            return;
        }
        Throwable thrown = context.exception();
        Optional<SdkHttpResponse> response = context.httpResponse();
        response.ifPresent(answer -> response(span, answer));
        Integer status = response.map(SdkHttpResponse::statusCode).orElse(null);
        Optional<String> requestId = context.response().flatMap(XRaySdkInterceptor::requestId)
                .or(() -> response.flatMap(XRaySdkInterceptor::requestId));
        boolean throttled = false;
        if (thrown instanceof SdkServiceException service) {
            if (status == null && service.statusCode() > 0) {
                status = service.statusCode();
                span.httpResponse().put("status", status);
            }
            if (requestId.isEmpty() && service.requestId() != null) {
                requestId = Optional.of(service.requestId());
            }
            throttled = service.isThrottlingException();
        }
        requestId.ifPresent(id -> span.aws().put("request_id", id));
        // The remote's answer when it gave one (a service exception), else raised on this side.
        span.exceptions().addAll(XRayExceptionDescription.describe(thrown, thrown instanceof SdkServiceException));
        span.markByStatus(status, true);
        if (throttled) {
            // A throttling error code with a 400 (DynamoDB's): a throttle all the same, as the X-Ray SDK marked it.
            span.markThrottled();
        }
        tracing.end(span);
    }

    private static void response(XRaySpan span, SdkHttpResponse response) {
        span.httpResponse().put("status", response.statusCode());
        response.firstMatchingHeader("Content-Length").ifPresent(length -> {
            try {
                span.httpResponse().put("content_length", Long.parseLong(length.strip()));
            } catch (NumberFormatException e) {
                // not recorded, as the X-Ray SDK did not record it
            }
        });
    }

    /**
     * The request's parameters the X-Ray SDK's default list recorded for the services the functions call, renamed
     * as it renamed them: DynamoDB's {@code TableName} (and a batch's table names), SNS Publish's {@code TopicArn}.
     * Nothing of the items, messages or keys: those hold what a trace must not.
     */
    private static void requestParameters(String service, String operation, SdkRequest request,
            Map<String, Object> aws) {
        if ("DynamoDb".equals(service)) {
            request.getValueForField("TableName", String.class).ifPresent(table -> aws.put("table_name", table));
            if (operation.startsWith("Batch")) {
                request.getValueForField("RequestItems", Map.class)
                        .ifPresent(items -> aws.put("table_names", String.join(",", keys(items))));
            }
        } else if ("Sns".equals(service) && ("Publish".equals(operation) || "PublishBatch".equals(operation))) {
            request.getValueForField("TopicArn", String.class).ifPresent(topic -> aws.put("topic_arn", topic));
        }
    }

    private static Iterable<String> keys(Map<?, ?> map) {
        return map.keySet().stream().map(String::valueOf).sorted().toList();
    }

    private static Optional<String> requestId(SdkResponse response) {
        if (response instanceof AwsResponse aws && aws.responseMetadata() != null) {
            String id = aws.responseMetadata().requestId();
            // The SDK's placeholder when the service sent none.
            if (id != null && !id.isEmpty() && !"UNKNOWN".equals(id)) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> requestId(SdkHttpResponse response) {
        return response.firstMatchingHeader("x-amzn-RequestId").or(() -> response.firstMatchingHeader(
                "x-amz-request-id"));
    }
}
