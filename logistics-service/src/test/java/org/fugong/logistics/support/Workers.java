package org.fugong.logistics.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.fugong.platform.standards.ResidentId;
import org.fugong.testing.TestJwt;

/** Bodies and calls for worker return tests: requests with their manifests, charter trips. */
public final class Workers {

    public static final String REQUESTS = "/api/v1/worker-transport-requests";
    public static final String TRIPS = "/api/v1/charter-trips";
    /** The trip driver's data (born 1980-01-01 in Luoshan county): none of it may reach an event or a log line. */
    public static final String TRIP_DRIVER_ID = driverId("41152219800101001");
    public static final String TRIP_DRIVER_PHONE = "13700001111";

    private Workers() {
    }

    /** A valid GB 11643 number, born 1990-01-01 in Xinyang's Shihe district, told apart by {@code n} (0–999). */
    public static String residentId(int n) {
        String first17 = "41150219900101" + String.format("%03d", n);
        return first17 + ResidentId.checkCharacter(first17);
    }

    /** A passenger's mobile number, told apart by {@code n} (0–9999). */
    public static String phone(int n) {
        return "1391234" + String.format("%04d", n);
    }

    private static String driverId(String first17) {
        return first17 + ResidentId.checkCharacter(first17);
    }

    /** A request for {@code count} passengers numbered from {@code first}. */
    public static Map<String, Object> request(String origin, LocalDate date, int first, int count) {
        List<Map<String, Object>> passengers = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            passengers.add(new HashMap<>(Map.of("name", "工人" + i, "id_number", residentId(i), "phone", phone(i))));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("origin_region", origin);
        body.put("travel_date", date.toString());
        body.put("passengers", passengers);
        return body;
    }

    public static Map<String, Object> request(String origin, int count) {
        return request(origin, Api.today().plusDays(2), 0, count);
    }

    public static Map<String, Object> trip(String origin, String destination, LocalDate date, int seats) {
        Map<String, Object> body = new HashMap<>();
        body.put("plate", "浙A88888");
        body.put("seats", seats);
        body.put("travel_date", date.toString());
        body.put("origin_region", origin);
        body.put("destination_region", destination);
        body.put("via", List.of("340000"));
        body.put("driver", new HashMap<>(Map.of("name", "王师傅", "phone", TRIP_DRIVER_PHONE, "id_number", TRIP_DRIVER_ID)));
        return body;
    }

    public static Map<String, Object> trip(String origin, String destination, int seats) {
        return trip(origin, destination, Api.today().plusDays(2), seats);
    }

    public static String submit(UUID enterprise, Map<String, Object> body) {
        return Api.as(Api.enterprise(enterprise)).body(body).post(REQUESTS).then().statusCode(201).extract().path("id");
    }

    public static String plan(String token, Map<String, Object> body) {
        return Api.as(token).body(body).post(TRIPS).then().statusCode(201).extract().path("id");
    }

    /** An authority of the whole of Zhejiang, where the tests' enterprises bring their employees back to. */
    public static String zhejiang() {
        return TestJwt.authority("33");
    }

    public static void assign(String token, String trip, String request) {
        Api.as(token).body(Map.of("request_id", request)).post(TRIPS + "/" + trip + "/assignments").then()
                .statusCode(201);
    }
}
