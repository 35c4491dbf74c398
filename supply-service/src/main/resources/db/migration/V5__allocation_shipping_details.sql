-- What logistics needs to plan a shipment from an allocation event (issue 13): where the goods
-- leave from (the offer's origin), where they go (the request's delivery region), who receives
-- them (the requesting institution; none when an authority requested) and the item's category.
-- Copied onto the allocation when it is proposed, so every allocation event carries them without
-- a lookup per event; they never change afterwards (an offer's origin and a request's delivery
-- region are fixed at creation).
ALTER TABLE allocation ADD COLUMN origin_region text;
ALTER TABLE allocation ADD COLUMN destination_region text;
ALTER TABLE allocation ADD COLUMN requester_org_id uuid;
ALTER TABLE allocation ADD COLUMN item_category text;

UPDATE allocation a
SET origin_region = o.origin_region, destination_region = r.delivery_region, requester_org_id = r.requester_org_id,
    item_category = i.category
FROM supply_offer o, supply_request r, supply_item i
WHERE o.id = a.offer_id AND r.id = a.request_id AND i.code = a.item_code;

ALTER TABLE allocation ALTER COLUMN origin_region SET NOT NULL;
ALTER TABLE allocation ALTER COLUMN destination_region SET NOT NULL;
ALTER TABLE allocation ALTER COLUMN item_category SET NOT NULL;
