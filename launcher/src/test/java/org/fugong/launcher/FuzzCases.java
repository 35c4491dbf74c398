package org.fugong.launcher;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Requests made from the contract, each close to a valid one and then broken in one way: a wrong
 * type, a field missing or added, a number at a bound or just past it, a huge number, a long or odd
 * Unicode string, an injection-looking string, malformed JSON, a wrong media type, a huge array, a
 * repeated query parameter. The values come from jqwik's generators, drawn from a {@link Random}
 * seeded per case: case {@code n} of seed {@code s} is the same request on every run (the ids of
 * the tenant's records aside), so a failure is replayed with {@code -Dfuzz.seed=s -Dfuzz.case=n}.
 */
final class FuzzCases {

    /** One request: what the fuzzer sends and the mutation that made it (for the report). */
    record Case(int number, Contract.Operation operation, String mutation, String method, String target,
            String contentType, byte[] body, Map<String, String> headers) {

        String describe() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
            return "#" + number + " " + mutation + ": " + method + " " + target + (contentType == null ? "" : " [" + contentType + "] ")
                    + shown;
        }
    }

    enum Mutation {
        VALID_LOOKING, WRONG_TYPE, MISSING_FIELD, EXTRA_FIELD, BOUNDARY, HUGE_NUMBER, ODD_UNICODE, INJECTION,
        MALFORMED_JSON, WRONG_MEDIA_TYPE, HUGE_ARRAY, REPEATED_QUERY, BAD_PATH_PARAMETER, BAD_QUERY_VALUE, NULL_BODY
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int GEN_SIZE = 1000;

    static final List<String> INJECTIONS = List.of("' OR '1'='1", "1; DROP TABLE enterprises; --", "\" OR \"\"=\"",
            "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1:1/x}", "{{7*7}}", "#{7*7}", "../../../../etc/passwd",
            "%00", "\u0000", "admin'--", "$(id)", "`id`", "|| ping -c 1 127.0.0.1", "{\"$gt\": \"\"}",
            "http://169.254.169.254/latest/meta-data/", "file:///etc/passwd", "\\x00\\x1a", "%s%s%s%n",
            "1e309", "NaN", "-0", "0x7fffffff", "\r\nX-Injected: yes", "' UNION SELECT NULL,version()--");
    private static final List<String> MALFORMED = List.of("{", "}", "{\"a\":}", "[1,2", "{\"quantity\": 01}",
            "{'single': 'quotes'}", "{\"a\": 1,}", "nul", "\"unterminated", "{\"a\": NaN}", "{\"a\": Infinity}",
            "\uFEFF{}", "{\"a\":1}{\"b\":2}", "{\"a\": \"\\uD800\"}", "{\"a\": \"\\x41\"}", "[]", "123", "true",
            "{\"a\": 1e999999}", "{\"__proto__\": {\"admin\": true}}");
    private static final List<String> MEDIA_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1", "application/octet-stream",
            "application/merge-patch+json", "*/*", "application/json-patch+json", "image/png");

    private final Contract contract;
    private final Map<String, String> ids;
    private final long seed;

    /**
     * @param ids what a path parameter is filled with when the case keeps it valid: a record's id by
     *            collection ({@code supply-offers}) or by parameter name ({@code enterpriseId})
     */
    FuzzCases(Contract contract, Map<String, String> ids, long seed) {
        this.contract = contract;
        this.ids = ids;
        this.seed = seed;
    }

    /** Case {@code number}: every operation in turn, so that any 1,000 cases cover every operation several times. */
    Case make(int number) {
        Random random = new Random(seed * 1_000_003L + number);
        List<Contract.Operation> operations = contract.operations();
        Contract.Operation operation = operations.get(number % operations.size());
        Mutation mutation = pick(random, Mutation.values());
        if (!operation.hasBody() && bodyOnly(mutation)) {
            mutation = pick(random, new Mutation[] { Mutation.REPEATED_QUERY, Mutation.BAD_PATH_PARAMETER,
                    Mutation.BAD_QUERY_VALUE, Mutation.VALID_LOOKING, Mutation.INJECTION, Mutation.ODD_UNICODE });
        }
        String path = path(operation, random, mutation == Mutation.BAD_PATH_PARAMETER);
        String query = query(operation, random, mutation);
        Map<String, String> headers = headers(operation, random);
        String contentType = null;
        byte[] body = null;
        if (operation.hasBody() || mutation == Mutation.WRONG_MEDIA_TYPE) {
            contentType = operation.hasBody() ? operation.mediaTypes().get(0) : "application/json";
            JsonNode valid = operation.body() == null ? NODES.objectNode() : instance(operation.body(), random, 0);
            String text = switch (mutation) {
                case MALFORMED_JSON -> pick(random, MALFORMED) + (random.nextBoolean() ? "" : deepNesting(random));
                case NULL_BODY -> random.nextBoolean() ? "" : "null";
                default -> write(mutate(valid, operation.body(), mutation, random));
            };
            if (mutation == Mutation.WRONG_MEDIA_TYPE) {
                contentType = random.nextInt(5) == 0 ? null : pick(random, MEDIA_TYPES);
            }
            body = text.getBytes(StandardCharsets.UTF_8);
        }
        return new Case(number, operation, mutation.name(), operation.method(), path + query, contentType, body, headers);
    }

    private static boolean bodyOnly(Mutation mutation) {
        return switch (mutation) {
            case WRONG_TYPE, MISSING_FIELD, EXTRA_FIELD, BOUNDARY, HUGE_NUMBER, MALFORMED_JSON, HUGE_ARRAY, NULL_BODY -> true;
            default -> false;
        };
    }

    private String path(Contract.Operation operation, Random random, boolean broken) {
        String template = operation.path();
        String collection = template.split("/")[3];
        StringBuilder path = new StringBuilder();
        for (String segment : template.substring(1).split("/")) {
            path.append('/');
            if (!segment.startsWith("{")) {
                path.append(segment);
                continue;
            }
            String name = segment.substring(1, segment.length() - 1);
            String value;
            if (broken) {
                value = draw(random, oddOrHostileString());
            } else {
                // The tenant's own record where there is one (the request reaches the service's checks of
                // it), sometimes an id nobody has.
                value = ids.getOrDefault(name, ids.get(collection));
                Parameter declared = parameter(operation, name, "path");
                if (declared != null && "date".equals(format(declared.getSchema()))) {
                    value = LocalDate.now().toString();
                } else if (value == null || random.nextInt(4) == 0) {
                    value = UUID.randomUUID().toString();
                }
            }
            path.append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return path.toString();
    }

    private String query(Contract.Operation operation, Random random, Mutation mutation) {
        List<String> pairs = new ArrayList<>();
        for (Parameter p : operation.parameters()) {
            if (!"query".equals(p.getIn()) || (!Boolean.TRUE.equals(p.getRequired()) && random.nextInt(3) != 0)) {
                continue;
            }
            String value = mutation == Mutation.BAD_QUERY_VALUE || mutation == Mutation.INJECTION
                    || mutation == Mutation.ODD_UNICODE ? hostileValue(p.getSchema(), random, mutation)
                            : text(instance(p.getSchema(), random, 0));
            pairs.add(encode(p.getName()) + "=" + encode(value));
            if (mutation == Mutation.REPEATED_QUERY) {
                for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                    pairs.add(encode(p.getName()) + "=" + encode(random.nextBoolean() ? value : hostileValue(p.getSchema(), random, mutation)));
                }
            }
        }
        if (mutation == Mutation.REPEATED_QUERY && pairs.isEmpty()) {
            pairs.add("limit=1");
            pairs.add("limit=100000");
        }
        if (mutation == Mutation.BAD_QUERY_VALUE && random.nextBoolean()) {
            pairs.add(encode(draw(random, Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12))) + "=" + encode("x"));
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private Map<String, String> headers(Contract.Operation operation, Random random) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Parameter p : operation.parameters()) {
            if (!"header".equals(p.getIn())) {
                continue;
            }
            int roll = random.nextInt(4);
            if (p.getName().equalsIgnoreCase("If-Match")) {
                // Mostly "*" so the request reaches validation; otherwise a stale or garbage version.
                headers.put("If-Match", roll < 2 ? "*" : roll == 2 ? "\"0\"" : "W/\"garbage\"");
            } else if (p.getName().equalsIgnoreCase("Idempotency-Key") && roll == 0) {
                headers.put("Idempotency-Key", draw(random, Arbitraries.strings().withCharRange('!', '~')
                        .ofMinLength(1).ofMaxLength(300)));
            }
        }
        return headers;
    }

    /** A valid-looking value of the schema: required properties and some optional ones, enums, bounds respected. */
    JsonNode instance(Schema<?> declared, Random random, int depth) {
        Schema<?> schema = resolve(declared);
        if (schema == null) {
            return NODES.textNode("x");
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            return instance(schema.getAllOf().get(0), random, depth);
        }
        if (schema.getOneOf() != null && !schema.getOneOf().isEmpty()) {
            return instance(schema.getOneOf().get(random.nextInt(schema.getOneOf().size())), random, depth);
        }
        if (schema.getAnyOf() != null && !schema.getAnyOf().isEmpty()) {
            return instance(schema.getAnyOf().get(0), random, depth);
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return JSON.valueToTree(schema.getEnum().get(random.nextInt(schema.getEnum().size())));
        }
        // The contract's own example is the surest valid value (OpenAPI 3.1 "examples", 3.0 "example").
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return JSON.valueToTree(schema.getExamples().get(0));
        }
        if (schema.getExample() != null) {
            return JSON.valueToTree(schema.getExample());
        }
        String type = Contract.type(schema);
        if (type == null) {
            return NODES.textNode("x");
        }
        switch (type) {
            case "object": {
                ObjectNode object = NODES.objectNode();
                if (schema.getProperties() != null && depth < 6) {
                    List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
                    schema.getProperties().forEach((name, property) -> {
                        if (required.contains(name) || random.nextInt(3) == 0) {
                            object.set(name, instance(property, random, depth + 1));
                        }
                    });
                }
                return object;
            }
            case "array": {
                ArrayNode array = NODES.arrayNode();
                int min = schema.getMinItems() == null ? 1 : Math.max(schema.getMinItems(), 1);
                for (int i = 0; i < min && depth < 6; i++) {
                    array.add(instance(schema.getItems(), random, depth + 1));
                }
                return array;
            }
            case "integer": {
                long min = schema.getMinimum() == null ? 0 : schema.getMinimum().longValue();
                long max = schema.getMaximum() == null ? min + 1000 : schema.getMaximum().longValue();
                return NODES.numberNode(min + (long) (random.nextDouble() * (max - min)));
            }
            case "number":
                return NODES.numberNode(new BigDecimal(random.nextInt(100_000)).movePointLeft(2));
            case "boolean":
                return NODES.booleanNode(random.nextBoolean());
            default:
                return NODES.textNode(validString(schema, random));
        }
    }

    private String validString(Schema<?> schema, Random random) {
        String format = schema.getFormat();
        if ("date".equals(format)) {
            return LocalDate.now().plusDays(random.nextInt(30)).toString();
        }
        if ("date-time".equals(format)) {
            return OffsetDateTime.now().toString();
        }
        if ("uuid".equals(format)) {
            List<String> known = new ArrayList<>(ids.values());
            return random.nextBoolean() || known.isEmpty() ? UUID.randomUUID().toString() : known.get(random.nextInt(known.size()))
                    .replaceAll(".*/", "");
        }
        int max = schema.getMaxLength() == null ? 40 : schema.getMaxLength();
        int min = schema.getMinLength() == null ? 1 : schema.getMinLength();
        String value = "fuzz-" + Integer.toHexString(random.nextInt());
        while (value.length() < min) {
            value += "x";
        }
        return value.substring(0, Math.max(min, Math.min(value.length(), max)));
    }

    /** The valid-looking body broken the case's way. */
    private JsonNode mutate(JsonNode valid, Schema<?> schema, Mutation mutation, Random random) {
        if (!(valid instanceof ObjectNode object)) {
            return mutation == Mutation.VALID_LOOKING ? valid : hostile(random, mutation);
        }
        List<String> fields = new ArrayList<>();
        object.fieldNames().forEachRemaining(fields::add);
        String field = fields.isEmpty() ? "unknown_field" : pick(random, fields);
        Schema<?> fieldSchema = resolve(schema) == null || resolve(schema).getProperties() == null ? null
                : resolve(resolve(schema).getProperties().get(field));
        switch (mutation) {
            case WRONG_TYPE -> object.set(field, wrongType(object.get(field), random));
            case MISSING_FIELD -> object.remove(field);
            case EXTRA_FIELD -> object.set(pick(random, List.of("id", "status", "priority_tier", "size_class", "created_at",
                    "version", "org_id", "owner", "is_admin", draw(random, Arbitraries.strings().alpha().ofLength(8)))),
                    hostile(random, mutation));
            case BOUNDARY -> object.set(field, boundary(fieldSchema, random));
            case HUGE_NUMBER -> object.set(field, hugeNumber(random));
            case ODD_UNICODE, INJECTION -> object.set(field, NODES.textNode(hostileText(random, mutation)));
            case HUGE_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                JsonNode element = object.get(field) != null && object.get(field).isArray() && object.get(field).size() > 0
                        ? object.get(field).get(0) : NODES.textNode("x");
                for (int i = 0, n = 5_000 + random.nextInt(15_000); i < n; i++) {
                    array.add(element);
                }
                object.set(field, array);
            }
            default -> {
                // VALID_LOOKING, REPEATED_QUERY, BAD_PATH_PARAMETER, BAD_QUERY_VALUE, WRONG_MEDIA_TYPE: the body as generated
            }
        }
        return object;
    }

    private JsonNode wrongType(JsonNode current, Random random) {
        List<JsonNode> others = new ArrayList<>(List.of(NODES.textNode("not-a-" + random.nextInt(100)), NODES.numberNode(42),
                NODES.booleanNode(true), NODES.nullNode(), NODES.arrayNode().add(1), NODES.objectNode().put("x", 1),
                NODES.numberNode(1.5)));
        if (current != null) {
            others.removeIf(candidate -> candidate.getNodeType() == current.getNodeType());
        }
        return pick(random, others);
    }

    private JsonNode boundary(Schema<?> schema, Random random) {
        if (schema == null) {
            return NODES.numberNode(-1);
        }
        String type = Contract.type(schema);
        if ("string".equals(type)) {
            int max = schema.getMaxLength() == null ? 256 : schema.getMaxLength();
            int min = schema.getMinLength() == null ? 0 : schema.getMinLength();
            int length = pick(random, List.of(max, max + 1, Math.max(min - 1, 0), min, 0, 65_536));
            return NODES.textNode("a".repeat(length));
        }
        List<BigDecimal> edges = new ArrayList<>(List.of(BigDecimal.ZERO, BigDecimal.ONE.negate()));
        if (schema.getMinimum() != null) {
            edges.add(schema.getMinimum());
            edges.add(schema.getMinimum().subtract(BigDecimal.ONE));
            edges.add(schema.getMinimum().subtract(new BigDecimal("0.01")));
        }
        if (schema.getMaximum() != null) {
            edges.add(schema.getMaximum());
            edges.add(schema.getMaximum().add(BigDecimal.ONE));
            edges.add(schema.getMaximum().add(new BigDecimal("0.01")));
        }
        BigDecimal edge = pick(random, edges);
        return "integer".equals(type) && edge.scale() <= 0 ? NODES.numberNode(edge.toBigInteger()) : NODES.numberNode(edge);
    }

    private JsonNode hugeNumber(Random random) {
        return pick(random, List.of(NODES.numberNode(new BigDecimal("1e308")), NODES.numberNode(Long.MAX_VALUE),
                NODES.numberNode(Long.MIN_VALUE), NODES.numberNode(new java.math.BigInteger("9".repeat(40))),
                NODES.numberNode(new BigDecimal("0.000000000000000000000000000001")), NODES.numberNode(Integer.MAX_VALUE + 1L),
                NODES.numberNode(new BigDecimal("-9" + "9".repeat(30) + ".99")), NODES.numberNode(1e-320),
                NODES.textNode("9".repeat(400))));
    }

    private JsonNode hostile(Random random, Mutation mutation) {
        return NODES.textNode(hostileText(random, mutation));
    }

    private String hostileText(Random random, Mutation mutation) {
        return mutation == Mutation.INJECTION ? pick(random, INJECTIONS) : draw(random, oddOrHostileString());
    }

    private String hostileValue(Schema<?> schema, Random random, Mutation mutation) {
        if (mutation == Mutation.INJECTION) {
            return pick(random, INJECTIONS);
        }
        if (mutation == Mutation.ODD_UNICODE) {
            return draw(random, oddOrHostileString());
        }
        return pick(random, List.of("-1", "0", "100000", "99999999999999999999", "1.5", "abc", "", " ", "true", "null",
                "2020-02-30", "2020-13-01", "NaN", "%00", "😷", "a".repeat(5_000), "../..", "*"));
    }

    /** Long and odd Unicode: emoji and other astral characters, right-to-left marks, combining marks, controls. */
    private static Arbitrary<String> oddOrHostileString() {
        Arbitrary<String> odd = Arbitraries.strings()
                .withCharRange('\u0000', '\u001f')
                .withCharRange('\u0300', '\u036f')
                .withCharRange('\u200b', '\u202e')
                .withCharRange('\u4e00', '\u4e2f')
                .withCharRange('\ufff0', '\uffff')
                .withChars('\'', '"', '\\', '/', '%', '<', '>', '&', ';')
                .ofMinLength(0).ofMaxLength(300);
        Arbitrary<String> astral = Arbitraries.integers().between(0x1F600, 0x1F64F)
                .map(Character::toString).list().ofMinSize(1).ofMaxSize(50).map(list -> String.join("", list));
        Arbitrary<String> lone = Arbitraries.of("\uD800", "\uDFFF", "a\uD83D", "\uFEFF", "\u0000\u0000");
        Arbitrary<String> longOne = Arbitraries.strings().all().ofMinLength(4_000).ofMaxLength(20_000);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, odd), net.jqwik.api.Tuple.of(2, astral),
                net.jqwik.api.Tuple.of(1, lone), net.jqwik.api.Tuple.of(1, longOne), net.jqwik.api.Tuple.of(1,
                        Arbitraries.of(INJECTIONS)));
    }

    private static String deepNesting(Random random) {
        int depth = 1_000 + random.nextInt(20_000);
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static <T> T draw(Random random, Arbitrary<T> arbitrary) {
        return arbitrary.generator(GEN_SIZE).next(random).value();
    }

    private static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static <T> T pick(Random random, T[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private Schema<?> resolve(Schema<?> schema) {
        return contract.resolve(schema);
    }

    private String format(Schema<?> schema) {
        Schema<?> s = resolve(schema);
        return s == null ? null : s.getFormat();
    }

    private static Parameter parameter(Contract.Operation operation, String name, String in) {
        for (Parameter p : operation.parameters()) {
            if (name.equals(p.getName()) && in.equals(p.getIn())) {
                return p;
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
