-- The catalogue of opinions 2 and 5: medical supplies first, then production and daily needs.
INSERT INTO supply_item (code, name, name_zh, category, unit, required_standard) VALUES
('VENTILATOR_ICU',          'ICU ventilator',                          '有创呼吸机',         'MEDICAL_EQUIPMENT',  'unit',  NULL),
('VENTILATOR_NONINVASIVE',  'Non-invasive ventilator',                 '无创呼吸机',         'MEDICAL_EQUIPMENT',  'unit',  NULL),
('CARDIAC_MONITOR',         'Cardiac monitor',                         '心电监护仪',         'MEDICAL_EQUIPMENT',  'unit',  NULL),
('PROTECTIVE_SUIT',         'Medical protective clothing',             '医用防护服',         'PROTECTIVE_GEAR',    'piece', 'GB 19082-2009'),
('MASK_MEDICAL_PROTECTIVE', 'Medical protective mask',                 '医用防护口罩',       'PROTECTIVE_GEAR',    'piece', 'GB 19083-2010'),
('MASK_SURGICAL',           'Surgical mask',                           '医用外科口罩',       'PROTECTIVE_GEAR',    'piece', 'YY 0469-2011'),
('MASK_KN95',               'KN95 respirator',                         'KN95口罩',           'PROTECTIVE_GEAR',    'piece', 'GB 2626-2019'),
('DISINFECTANT_ETHANOL',    'Ethanol disinfectant 75%',                '75%酒精消毒液',      'DISINFECTANT',       'litre', NULL),
('MELT_BLOWN_FABRIC',       'Melt-blown non-woven fabric',             '熔喷布',             'RAW_MATERIAL',       'tonne', NULL),
('FERTILISER_COMPOUND',     'Compound fertiliser',                     '复合肥',             'AGRICULTURAL_INPUT', 'tonne', NULL),
('AGRICULTURAL_FILM',       'Agricultural film',                       '农用薄膜',           'AGRICULTURAL_INPUT', 'tonne', NULL),
('RICE',                    'Rice',                                    '大米',               'DAILY_NECESSITY',    'tonne', NULL),
('COOKING_OIL',             'Cooking oil',                             '食用油',             'DAILY_NECESSITY',    'tonne', NULL),
('HAND_SANITISER',          'Hand sanitiser',                          '免洗洗手液',         'DAILY_NECESSITY',    'litre', NULL);
