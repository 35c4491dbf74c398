package org.fugong.platform.problem;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Refuses a JSON string holding U+0000 wherever a body has one, as a 400 naming the field.
 * JSON allows {@code "\u0000"}, PostgreSQL's text does not: such a value reached the database
 * and failed there as a 500 (the contract fuzzer found it with {@code item_code} of a supply
 * request, issue 17). No field of ours has a use for the character, so it is refused when read.
 */
@Singleton
public class NoNulStrings implements ObjectMapperCustomizer {

    /** The field's string held U+0000. */
    static final class NulInString extends JsonMappingException {
        NulInString(JsonParser parser) {
            super(parser, "must not contain the NUL character (U+0000)");
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(module());
    }

    static SimpleModule module() {
        return new SimpleModule("no-nul-strings").addDeserializer(String.class, new Refusing());
    }

    private static final class Refusing extends StdScalarDeserializer<String> {

        Refusing() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw new NulInString(parser);
            }
            return value;
        }
    }
}
